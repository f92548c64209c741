package in.mdm.ml.feature;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A school's last {@value #DAYS} calendar days of meal reports, compact: per day the
 * children present ({@code -1} for no report), why no meal was served (or that one was)
 * and when the report was made, so that reports applied in any order, or again, leave the
 * same history (a later-made report of a day replaces an earlier one, an older one
 * changes nothing). Serialized to {@value #BYTES} bytes.
 */
public final class MealHistory {

    /** Calendar days kept. */
    public static final int DAYS = 100;

    static final int BYTES = 4 + DAYS * 7;

    /** Reason codes, in school-service's words; 0 is "a meal was served". */
    public static final byte SERVED = 0;

    public static final byte NO_STOCK = 1;

    public static final byte NO_FUNDS = 2;

    public static final byte NO_COOK = 3;

    public static final byte OTHER = 4;

    private int lastDay = Integer.MIN_VALUE;

    private final short[] attendance = new short[DAYS];

    private final byte[] reason = new byte[DAYS];

    private final int[] madeAt = new int[DAYS];

    public MealHistory() {
        Arrays.fill(attendance, (short) -1);
    }

    /**
     * The reason code of school-service's {@code noMealReason} (null or blank: served).
     */
    public static byte reasonCode(String noMealReason) {
        if (noMealReason == null || noMealReason.isBlank()) {
            return SERVED;
        }
        return switch (noMealReason) {
            case "NO_STOCK" -> NO_STOCK;
            case "NO_FUNDS" -> NO_FUNDS;
            case "NO_COOK" -> NO_COOK;
            default -> OTHER;
        };
    }

    /** A shortage: no meal for want of stock, funds or a cook. */
    public static boolean isShortage(byte reason) {
        return reason == NO_STOCK || reason == NO_FUNDS || reason == NO_COOK;
    }

    /**
     * Records a day's report.
     * @param epochDay the school day
     * @param present children present (primary and upper primary)
     * @param reasonCode {@link #reasonCode}
     * @param madeAtMinute when the report was made, minutes since the epoch
     */
    public void record(int epochDay, int present, byte reasonCode, int madeAtMinute) {
        if (lastDay == Integer.MIN_VALUE) {
            lastDay = epochDay;
        }
        else if (epochDay > lastDay) {
            int shift = epochDay - lastDay;
            if (shift >= DAYS) {
                Arrays.fill(attendance, (short) -1);
                Arrays.fill(reason, (byte) 0);
                Arrays.fill(madeAt, 0);
            }
            else {
                System.arraycopy(attendance, shift, attendance, 0, DAYS - shift);
                System.arraycopy(reason, shift, reason, 0, DAYS - shift);
                System.arraycopy(madeAt, shift, madeAt, 0, DAYS - shift);
                Arrays.fill(attendance, DAYS - shift, DAYS, (short) -1);
                Arrays.fill(reason, DAYS - shift, DAYS, (byte) 0);
                Arrays.fill(madeAt, DAYS - shift, DAYS, 0);
            }
            lastDay = epochDay;
        }
        int i = DAYS - 1 - (lastDay - epochDay);
        if (i < 0) {
            return;
        }
        if (attendance[i] >= 0 && madeAt[i] > madeAtMinute) {
            return;
        }
        attendance[i] = (short) Math.max(0, Math.min(Short.MAX_VALUE, present));
        reason[i] = reasonCode;
        madeAt[i] = madeAtMinute;
    }

    /** The newest day with a report, or {@link Integer#MIN_VALUE} when none. */
    public int lastDay() {
        return lastDay;
    }

    /**
     * Children present on a day, {@code -1} when the day has no report (or is too old).
     */
    public int attendance(int epochDay) {
        int i = index(epochDay);
        return i < 0 ? -1 : attendance[i];
    }

    /** The reason code of a reported day ({@link #SERVED} when none). */
    public byte reason(int epochDay) {
        int i = index(epochDay);
        return i < 0 || attendance[i] < 0 ? SERVED : reason[i];
    }

    public boolean reported(int epochDay) {
        return attendance(epochDay) >= 0;
    }

    private int index(int epochDay) {
        if (lastDay == Integer.MIN_VALUE || epochDay > lastDay) {
            return -1;
        }
        int i = DAYS - 1 - (lastDay - epochDay);
        return i < 0 ? -1 : i;
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(BYTES);
        buffer.putInt(lastDay);
        for (int i = 0; i < DAYS; i++) {
            buffer.putShort(attendance[i]);
            buffer.put(reason[i]);
            buffer.putInt(madeAt[i]);
        }
        return buffer.array();
    }

    public static MealHistory fromBytes(byte[] bytes) {
        MealHistory history = new MealHistory();
        if (bytes == null || bytes.length != BYTES) {
            return history;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        history.lastDay = buffer.getInt();
        for (int i = 0; i < DAYS; i++) {
            history.attendance[i] = buffer.getShort();
            history.reason[i] = buffer.get();
            history.madeAt[i] = buffer.getInt();
        }
        return history;
    }

}
