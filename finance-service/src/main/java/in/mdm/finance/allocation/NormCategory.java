package in.mdm.finance.allocation;

/**
 * The stages a cost norm is set for: primary (classes I-V) and upper primary (VI-VIII).
 */
public enum NormCategory {

    PRIMARY, UPPER_PRIMARY

}
