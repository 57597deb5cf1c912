package fr.mare.directory;

/** « Nous pouvons aider » or « nous cherchons de l'aide », for one expertise area. */
public enum Direction {
    CAN_HELP, SEEKS_HELP;

    public Direction opposite() {
        return this == CAN_HELP ? SEEKS_HELP : CAN_HELP;
    }
}
