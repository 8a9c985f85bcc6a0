namespace SignalWire.Agents.Prefabs;

/// <summary>How a survey question is answered.</summary>
public enum SurveyQuestionType
{
    /// <summary>A whole number from 1 to the question's scale.</summary>
    Rating,

    /// <summary>One of the question's options.</summary>
    MultipleChoice,

    /// <summary>Yes or no.</summary>
    YesNo,

    /// <summary>Free text.</summary>
    OpenEnded,
}
