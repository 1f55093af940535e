using System.Text.Json.Serialization;

namespace Portal.Web.Features.Councils.Meetings;

/// <summary>
/// One field a person is editing on the live agenda: what they typed and the value it started from. Only changed fields
/// are sent, so two people editing different fields of one item both keep their change; after a refusal the typed text
/// stays and the field is rebased on the value now shown, so saving again is a decision made with the newer value in view.
/// Serializable, because a record form's fields are kept across an evicted circuit (<see cref="RecordDrafts"/>).
/// </summary>
public sealed class FieldDraft
{
    public FieldDraft(string value) : this(value, value)
    {
    }

    [JsonConstructor]
    public FieldDraft(string @base, string text)
    {
        Base = @base;
        Text = text;
    }

    public string Base { get; private set; }

    public string Text { get; set; }

    [JsonIgnore]
    public bool Changed => !string.Equals(Text, Base, StringComparison.Ordinal);

    /// <summary>The text to send, or null when the person left the field as it was.</summary>
    [JsonIgnore]
    public string? Change => Changed ? Text : null;

    /// <summary>The shown value moved on: keep what was typed; a field the person did not touch follows the new value.</summary>
    public void Rebase(string value)
    {
        if (!Changed) Text = value;
        Base = value;
    }
}
