package in.mdm.simulator;

/**
 * Small spherical helpers; distances in km on a sphere of 6371 km, good enough for
 * placing schools.
 */
final class Geo {

    static final double KM_PER_DEGREE = 111.195;

    private Geo() {
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The point {@code north} and {@code east} km away from a latitude/longitude. */
    static double[] offset(double latitude, double longitude, double north, double east) {
        return new double[] { latitude + north / KM_PER_DEGREE,
                longitude + east / (KM_PER_DEGREE * Math.cos(Math.toRadians(latitude))) };
    }

}
