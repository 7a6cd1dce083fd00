namespace SciaticaService.Domain.Content;

/// <summary>The languages content is written in; English is the source every translation is made from.</summary>
/// <remarks>On the wire these are the ISO 639-1 codes <c>en</c>, <c>es</c> and <c>de</c>.</remarks>
public enum Language
{
    /// <summary>English, the source language: every entry has it.</summary>
    En,

    /// <summary>Spanish.</summary>
    Es,

    /// <summary>German.</summary>
    De,
}
