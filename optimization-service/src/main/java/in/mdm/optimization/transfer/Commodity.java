package in.mdm.optimization.transfer;

/** Dry food stock that can be moved between schools, measured in kilograms. */
public enum Commodity {

    RICE, WHEAT, PULSES, OIL

}
