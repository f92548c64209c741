package in.mdm.simulator;

import java.util.List;

/** The synthetic state: schools, kitchens and suppliers. */
final class Model {

    enum Category {

        PRIMARY("Primary"), PRIMARY_WITH_UPPER_PRIMARY("Primary with Upper Primary"),
        UPPER_PRIMARY("Upper Primary only");

        final String label;

        Category(String label) {
            this.label = label;
        }

    }

    enum Management {

        GOVERNMENT("Department of Education"), AIDED("Government Aided"), LOCAL_BODY("Local body"),
        PRIVATE_UNAIDED("Private Unaided");

        final String label;

        Management(String label) {
            this.label = label;
        }

        /** PM POSHAN covers government, aided and local-body schools. */
        boolean eligible() {
            return this != PRIVATE_UNAIDED;
        }

    }

    /**
     * @param attendanceRate the school's usual share of enrolled children present
     * @param baseRisk the school's lasting part of the log-odds of a day without a meal
     */
    record School(String udiseCode, String name, Geography.District district, Geography.Block block, Category category,
            Management management, boolean urban, String pincode, double latitude, double longitude,
            int enrollmentPrimary, int enrollmentUpperPrimary, double attendanceRate, double baseRisk) {

        boolean eligible() {
            return management.eligible();
        }

        int enrollment() {
            return enrollmentPrimary + enrollmentUpperPrimary;
        }
    }

    /**
     * A kitchen cooking for a cluster of nearby schools; it stands at its hub school.
     *
     * @param risk the kitchen's lasting part of the log-odds of a day without a meal
     */
    record Kitchen(String code, School hub, Geography.District district, Geography.Block block, double latitude,
            double longitude, List<School> schools, Supplier supplier, double risk) {

        int enrollmentPrimary() {
            return schools.stream().mapToInt(School::enrollmentPrimary).sum();
        }

        int enrollmentUpperPrimary() {
            return schools.stream().mapToInt(School::enrollmentUpperPrimary).sum();
        }

        /**
         * Meals a day it is built for: the enrollment with a tenth to spare, rounded up
         * to 50.
         */
        int capacity() {
            int need = (int) Math.ceil((enrollmentPrimary() + enrollmentUpperPrimary()) * 1.1);
            return (need + 49) / 50 * 50;
        }
    }

    /**
     * A supplier of grain, pulses and oil to the kitchens of some blocks of one district.
     *
     * @param kind as school-service names it: CIVIL_SUPPLIES_CORPORATION, COOPERATIVE or
     * PRIVATE
     * @param disruptionRate chance per school day that a disruption (a vehicle, a
     * warehouse, a tender) begins, delaying every delivery of the supplier until it ends
     */
    record Supplier(String code, String name, String kind, Geography.District district, double latitude,
            double longitude, double disruptionRate) {
    }

    final Geography geography;

    final List<School> schools;

    final List<Kitchen> kitchens;

    final List<Supplier> suppliers;

    Model(Geography geography, List<School> schools, List<Kitchen> kitchens, List<Supplier> suppliers) {
        this.geography = geography;
        this.schools = schools;
        this.kitchens = kitchens;
        this.suppliers = suppliers;
    }

}
