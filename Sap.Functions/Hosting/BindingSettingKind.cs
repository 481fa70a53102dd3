namespace Sap.Functions.Hosting;

public enum BindingSettingKind
{
    /// <summary>A <c>%name%</c> in a binding property: the host replaces it with the setting's value.</summary>
    Expression,

    /// <summary>The Storage account a trigger reads.</summary>
    Connection,

    /// <summary>The Storage account whose Blob service holds the trigger's lock.</summary>
    BlobLease,
}
