package in.mdm.school;

/**
 * The problem codes school-service answers with (the {@code code} of its RFC 9457
 * problems), grouped by feature, each documented in the service's README. Missing or bad
 * tokens, roles that may not call, bad fields and malformed bodies are the platform's
 * codes ({@code in.mdm.platform.web.PlatformProblems}).
 */
public final class SchoolProblems {

    // School register and enrollment (school/)

    /** 404: no school with this UDISE code, or one outside the caller's jurisdiction. */
    public static final String SCHOOL_NOT_FOUND = "school.not-found";

    /** 409: a school with this UDISE code is registered. */
    public static final String DUPLICATE_UDISE_CODE = "school.duplicate-udise-code";

    /** 400: the school names a kitchen that does not exist. */
    public static final String UNKNOWN_KITCHEN = "school.unknown-kitchen";

    /** 400: latitude without longitude or the other way round. */
    public static final String BAD_COORDINATES = "school.bad-coordinates";

    /** 400: the list is sorted by a field it cannot be sorted by. */
    public static final String BAD_SORT = "school.bad-sort";

    /** 400: the academic year is not like 2026-27. */
    public static final String ENROLLMENT_BAD_YEAR = "school.enrollment.bad-year";

    // Districts and blocks (masterdata/)

    /** 404: no district with this LGD code, or one outside the caller's jurisdiction. */
    public static final String DISTRICT_NOT_FOUND = "school.district-not-found";

    /** 404: no block with this LGD code, or one outside the caller's jurisdiction. */
    public static final String BLOCK_NOT_FOUND = "school.block-not-found";

    /** 400: a request names a district that does not exist. */
    public static final String UNKNOWN_DISTRICT = "school.unknown-district";

    /** 400: a request names a block that is not in its district. */
    public static final String UNKNOWN_BLOCK = "school.unknown-block";

    /** 400: a district alias without a letter or digit. */
    public static final String DISTRICT_ALIAS_INVALID = "school.district-alias-invalid";

    /** 409: the alias already names this or another district of the state. */
    public static final String DISTRICT_ALIAS_TAKEN = "school.district-alias-taken";

    /** 404: the district has no such alias. */
    public static final String DISTRICT_ALIAS_NOT_FOUND = "school.district-alias-not-found";

    // UDISE import (importer/)

    /** 400: a multipart upload without a part named file. */
    public static final String IMPORT_NO_FILE = "school.import.no-file";

    /** 400: the uploaded file is empty. */
    public static final String IMPORT_EMPTY = "school.import.empty";

    /** 400: the header row lacks required columns. */
    public static final String IMPORT_BAD_HEADER = "school.import.bad-header";

    /** 400: the academic year is not like 2026-27. */
    public static final String IMPORT_BAD_YEAR = "school.import.bad-year";

    /** 404: no import job with this id. */
    public static final String IMPORT_NOT_FOUND = "school.import.not-found";

    /** 409: the rejects of a job that has not succeeded. */
    public static final String IMPORT_NOT_FINISHED = "school.import.not-finished";

    // Kitchens and suppliers (supply/)

    /** 404: no kitchen with this id, or one outside the caller's jurisdiction. */
    public static final String KITCHEN_NOT_FOUND = "kitchen.not-found";

    /** 404: no supplier with this id. */
    public static final String SUPPLIER_NOT_FOUND = "supplier.not-found";

    /** 409: a supplier with this code exists. */
    public static final String SUPPLIER_DUPLICATE_CODE = "supplier.duplicate-code";

    /** 400: a supplier serves a school that is not registered. */
    public static final String SUPPLIER_UNKNOWN_SCHOOL = "supplier.unknown-school";

    /** 400: a kitchen is to cook for a school that is not registered. */
    public static final String KITCHEN_UNKNOWN_SCHOOL = "kitchen.unknown-school";

    /** 400: a supplier serves a kitchen that does not exist. */
    public static final String SUPPLIER_UNKNOWN_KITCHEN = "supplier.unknown-kitchen";

    // Meal reports, the SMS webhook, holidays, the reporting rate (meal/)

    /** 404: no meal report with this id, or one outside the caller's jurisdiction. */
    public static final String MEAL_REPORT_NOT_FOUND = "meal.report.not-found";

    /** 409: the school has reported for this date. */
    public static final String MEAL_REPORT_DUPLICATE = "meal.report.duplicate";

    /** 409: the client report id was used for another school's report. */
    public static final String MEAL_REPORT_CLIENT_ID_REUSED = "meal.report.client-id-reused";

    /** 400: a report for a day after today. */
    public static final String MEAL_REPORT_FUTURE_DATE = "meal.report.future-date";

    /** 400: no meal served and no reason given. */
    public static final String MEAL_REPORT_REASON_REQUIRED = "meal.report.reason-required";

    /** 400: a no-meal reason with meals served. */
    public static final String MEAL_REPORT_REASON_WITH_MEALS = "meal.report.reason-with-meals";

    /** 400: a bulk meal report file's CSV header lacks a column it needs. */
    public static final String MEAL_BULK_BAD_HEADER = "meal.bulk.bad-header";

    /**
     * A bulk file's row that is not a report (a rejects file's code, never a response's).
     */
    public static final String MEAL_BULK_BAD_ROW = "meal.bulk.bad-row";

    /** 400: the bulk file is empty or has no part named file. */
    public static final String MEAL_BULK_EMPTY = "meal.bulk.empty";

    /** 404: no bulk meal report job with this id. */
    public static final String MEAL_BULK_NOT_FOUND = "meal.bulk.not-found";

    /** 409: the bulk job's rejects are asked before it has succeeded. */
    public static final String MEAL_BULK_NOT_FINISHED = "meal.bulk.not-finished";

    /** 401: the webhook body's signature is missing or wrong. */
    public static final String SMS_BAD_SIGNATURE = "meal.sms.bad-signature";

    /** 400: the webhook body is not a valid message. */
    public static final String SMS_INVALID = "meal.sms.invalid";

    /** 409: a holiday is set for this date and district. */
    public static final String HOLIDAY_DUPLICATE = "meal.holiday.duplicate";

    /** 400: the calendar range is reversed or longer than 400 days. */
    public static final String HOLIDAY_BAD_RANGE = "meal.holiday.bad-range";

    /** 400: the reporting rate asked for a district and a block at once. */
    public static final String REPORTING_RATE_ONE_AREA = "meal.rate.one-area";

    // Stock and transfers (stock/)

    /** 409: an adjustment or transfer would take the stock below zero. */
    public static final String STOCK_INSUFFICIENT = "stock.insufficient";

    /** 400: an adjustment of zero kilograms. */
    public static final String STOCK_ADJUSTMENT_ZERO = "stock.adjustment.zero";

    /** 404: no stock recount job with this id. */
    public static final String STOCK_RECOUNT_NOT_FOUND = "stock.recount.not-found";

    /** 400: a transfer from a site to itself. */
    public static final String TRANSFER_SAME_SITE = "stock.transfer.same-site";

    /** 400: a transfer end that is neither a UDISE code nor a kitchen id. */
    public static final String TRANSFER_BAD_SITE = "stock.transfer.bad-site";

    /** 404: no transfer with this id, or one the caller does not cover. */
    public static final String TRANSFER_NOT_FOUND = "stock.transfer.not-found";

    /** 409: the client reference was used for another transfer. */
    public static final String TRANSFER_CLIENT_REFERENCE_CONFLICT = "stock.transfer.client-reference-conflict";

    // Deliveries (delivery/)

    /** 404: no delivery with this id, or one outside the caller's jurisdiction. */
    public static final String DELIVERY_NOT_FOUND = "delivery.not-found";

    /** 400: a delivery to both or neither of a school and a kitchen. */
    public static final String DELIVERY_ONE_TARGET = "delivery.one-target";

    /** 400: a delivery from a supplier that does not exist. */
    public static final String DELIVERY_UNKNOWN_SUPPLIER = "delivery.unknown-supplier";

    /** 409: the client reference was used for another delivery of the supplier. */
    public static final String DELIVERY_CLIENT_REFERENCE_CONFLICT = "delivery.client-reference-conflict";

    /** 409: a receipt for a delivery that was received. */
    public static final String DELIVERY_ALREADY_RECEIVED = "delivery.already-received";

    /** 400: a receipt dated after today. */
    public static final String DELIVERY_FUTURE_RECEIPT = "delivery.future-receipt";

    // Inspections (inspection/)

    /** 404: no inspection with this id, or one outside the caller's jurisdiction. */
    public static final String INSPECTION_NOT_FOUND = "inspection.not-found";

    /** 400: an inspection dated after today. */
    public static final String INSPECTION_FUTURE_DATE = "inspection.future-date";

    /** 400: the next due date is not after the inspection. */
    public static final String INSPECTION_BAD_DUE_DATE = "inspection.bad-due-date";

    private SchoolProblems() {
    }

}
