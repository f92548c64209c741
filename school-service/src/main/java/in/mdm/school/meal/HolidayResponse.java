package in.mdm.school.meal;

import java.time.LocalDate;
import java.util.UUID;

/** A school holiday: the whole state's when {@code districtCode} is null. */
record HolidayResponse(UUID id, LocalDate date, String districtCode, String name) {
}
