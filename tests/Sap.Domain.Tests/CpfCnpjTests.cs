using Sap.Domain.Clientes;

namespace Sap.Domain.Tests;

public sealed class CpfCnpjTests
{
    [Theory]
    [InlineData("529.982.247-25", "52998224725")]
    [InlineData("52998224725", "52998224725")]
    [InlineData("111.444.777-35", "11144477735")]
    [InlineData("11.222.333/0001-81", "11222333000181")]
    [InlineData("11222333000181", "11222333000181")]
    [InlineData("33.000.167/0001-01", "33000167000101")]
    public void Valid_numbers_are_stored_as_digits(string text, string expected) =>
        Assert.Equal(expected, CpfCnpj.Normalize(text));

    [Theory]
    [InlineData("529.982.247-24")] // last CPF check digit off by one
    [InlineData("529.982.247-15")] // first CPF check digit wrong
    [InlineData("11.222.333/0001-82")] // last CNPJ check digit wrong
    [InlineData("11.222.333/0001-71")] // first CNPJ check digit wrong
    [InlineData("111.111.111-11")] // one repeated digit passes the arithmetic but is not a CPF
    [InlineData("00000000000000")]
    [InlineData("5299822472")] // 10 digits
    [InlineData("529982247251")] // 12 digits
    [InlineData("52998224725a")]
    [InlineData("529,982,247-25")]
    public void Invalid_numbers_are_refused(string text) => Assert.Null(CpfCnpj.Normalize(text));

    [Fact]
    public void Check_digits_are_computed_by_the_modulo_11_rules()
    {
        // CPF 529.982.247: Σ d×(10..2) = 295, 295×10 mod 11 = 2; then Σ d×(11..2) with the 2 = 347, 3470 mod 11 = 5.
        Assert.Equal("25", CpfCnpj.CpfCheckDigits("529982247"));
        // CNPJ 11.222.333/0001: Σ d×(5,4,3,2,9,8,7,6,5,4,3,2) = 102, 102 mod 11 = 3 → 8; then with weights 6..2 = 120, mod 11 = 10 → 1.
        Assert.Equal("81", CpfCnpj.CnpjCheckDigits("112223330001"));
    }

    [Fact]
    public void Blank_is_no_number() => Assert.Null(CpfCnpj.Normalize("   "));
}
