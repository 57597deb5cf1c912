package fr.mare.moderation;

/** Why a member reports something; labels in the bundle ({@code ReportReason.SPAM}…). */
public enum ReportReason {
    SPAM, OFFENSIVE, OFF_TOPIC, PERSONAL_DATA, ILLEGAL, OTHER
}
