package in.mdm.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import in.mdm.events.AcademicYear;

/**
 * An {@link AcademicYear} like {@code 2026-27} (consecutive years); null is left to
 * {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = ValidAcademicYear.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidAcademicYear {

    String message() default "must be an academic year like 2026-27 (consecutive years)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidAcademicYear, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || AcademicYear.isValid(value);
        }

    }

}
