using CampWater.Texts;
using Microsoft.AspNetCore.Http;

namespace CampWater.Dashboard.Api;

/// <summary>
/// The reasons of a refused entry (a validation problem's <c>errors</c>) in the request's Accept-Language, so that
/// the words under a form field read in the person's language; the field names, the status and the English
/// <c>detail</c> stay as they are for the programs that read them.
/// </summary>
internal static class ReasonLanguage
{
    public static void Word(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails problem || problem.Errors.Count == 0)
        {
            return;
        }

        var language = RequestLanguage.Of(context.HttpContext.Request);
        if (language == TextCatalogue.Fallback)
        {
            return;
        }

        foreach (var field in problem.Errors.Keys.ToArray())
        {
            problem.Errors[field] = [.. problem.Errors[field].Select(r => TextCatalogue.Embedded.Reason(r, language))];
        }
    }
}
