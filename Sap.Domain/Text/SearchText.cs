using System.Globalization;
using System.Text;

namespace Sap.Domain.Text;

/// <summary>Text as search compares it: lower case, without accents ("José" and "jose" match).</summary>
public static class SearchText
{
    /// <summary>
    /// The accented letters PostgreSQL's translate() folds, and what they become, so that SQL folds as <see cref="Fold"/>
    /// does. Capitals are listed too: under the C locale, PostgreSQL's lower() changes only ASCII letters.
    /// </summary>
    public const string Accented = "áàâãäåéèêëíìîïóòôõöúùûüçñýÿÁÀÂÃÄÅÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑÝ";

    public const string Plain = "aaaaaaeeeeiiiiooooouuuucnyyaaaaaaeeeeiiiiooooouuuucny";

    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
