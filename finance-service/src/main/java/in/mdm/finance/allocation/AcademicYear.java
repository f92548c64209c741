package in.mdm.finance.allocation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An academic year written {@code YYYY-YY} with consecutive years, e.g. {@code 2026-27}; null is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = AcademicYear.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface AcademicYear {

    String message() default "must be an academic year like 2026-27 (consecutive years)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AcademicYear, String> {

        private static final Pattern FORMAT = Pattern.compile("([0-9]{4})-([0-9]{2})");

        static boolean isValidYear(String value) {
            Matcher m = FORMAT.matcher(value);
            return m.matches() && (Integer.parseInt(m.group(1)) + 1) % 100 == Integer.parseInt(m.group(2));
        }

        /** The day the academic year starts (1 June of its first year): the norms effective that day apply. */
        static LocalDate start(String academicYear) {
            return LocalDate.of(Integer.parseInt(academicYear.substring(0, 4)), 6, 1);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValidYear(value);
        }
    }
}
