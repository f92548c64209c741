package in.mdm.school.stock;

public enum Commodity {

    RICE, WHEAT, PULSES, OIL, OTHER

}
