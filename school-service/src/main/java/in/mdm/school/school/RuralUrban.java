package in.mdm.school.school;

public enum RuralUrban {
    RURAL, URBAN
}
