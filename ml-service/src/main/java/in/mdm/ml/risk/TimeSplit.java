package in.mdm.ml.risk;

import java.util.Arrays;

/**
 * Splits rows by the day their features are as of, never at random: the earliest days
 * train, the next ones calibrate, the latest are held back to evaluate. Between windows a
 * gap of {@code horizon} days is left out, so that no training label looks into the
 * calibration days and none of those into the held-back ones.
 *
 * @param train rows of the training window
 * @param calibration rows of the calibration window
 * @param test rows of the held-back window
 */
public record TimeSplit(int[] train, int[] calibration, int[] test, int trainFrom, int trainTo, int calibrationFrom,
        int calibrationTo, int testFrom, int testTo) {

    /**
     * @param trainShare share of the distinct days that train (e.g. 0.6)
     * @param calibrationShare share that calibrate (e.g. 0.2); the rest, less the gaps,
     * is held back
     * @param horizon days of the label's look-ahead, left out between windows
     */
    public static TimeSplit of(Dataset data, double trainShare, double calibrationShare, int horizon) {
        int[] days = new int[data.rows()];
        for (int i = 0; i < days.length; i++) {
            days[i] = data.day(i);
        }
        int[] distinct = Arrays.stream(days).distinct().sorted().toArray();
        int d = distinct.length;
        int trainEnd = (int) Math.floor(d * trainShare);
        int calibrationStart = Math.min(d, trainEnd + horizon);
        int calibrationEnd = Math.min(d, calibrationStart + (int) Math.floor(d * calibrationShare));
        int testStart = Math.min(d, calibrationEnd + horizon);
        if (trainEnd < 1 || calibrationEnd <= calibrationStart || testStart >= d) {
            throw new IllegalArgumentException("too few days to split: " + d);
        }
        int trainTo = distinct[trainEnd - 1];
        int calibrationFrom = distinct[calibrationStart];
        int calibrationTo = distinct[calibrationEnd - 1];
        int testFrom = distinct[testStart];
        int[] train = Arrays.stream(rows(days)).filter(i -> days[i] <= trainTo).toArray();
        int[] calibration = Arrays.stream(rows(days))
            .filter(i -> days[i] >= calibrationFrom && days[i] <= calibrationTo)
            .toArray();
        int[] test = Arrays.stream(rows(days)).filter(i -> days[i] >= testFrom).toArray();
        return new TimeSplit(train, calibration, test, distinct[0], trainTo, calibrationFrom, calibrationTo, testFrom,
                distinct[d - 1]);
    }

    private static int[] rows(int[] days) {
        int[] rows = new int[days.length];
        Arrays.setAll(rows, i -> i);
        return rows;
    }

}
