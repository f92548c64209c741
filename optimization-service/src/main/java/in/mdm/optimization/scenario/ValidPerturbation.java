package in.mdm.optimization.scenario;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A perturbation carries the fields its type needs and no other; each one missing or out
 * of place is named as a field error of its own.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPerturbation.Check.class)
@interface ValidPerturbation {

    String message() default "is not a valid perturbation";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidPerturbation, Perturbation> {

        @Override
        public boolean isValid(Perturbation p, ConstraintValidatorContext context) {
            if (p == null || p.type() == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            Errors errors = new Errors(context, p.type());
            switch (p.type()) {
                case SUPPLIER_DELAY -> {
                    errors.need("supplierCode", p.supplierCode());
                    errors.need("days", p.days());
                    errors.none("kitchenId", p.kitchenId(), "districtCode", p.districtCode(), "blockCode",
                            p.blockCode(), "fromDay", p.fromDay(), "percent", p.percent());
                }
                case KITCHEN_CLOSED -> {
                    errors.need("kitchenId", p.kitchenId());
                    errors.need("fromDay", p.fromDay());
                    errors.need("days", p.days());
                    errors.none("supplierCode", p.supplierCode(), "districtCode", p.districtCode(), "blockCode",
                            p.blockCode(), "percent", p.percent());
                }
                case ATTENDANCE_SURGE -> {
                    if ((p.districtCode() == null) == (p.blockCode() == null)) {
                        errors.add("districtCode", "give a districtCode or a blockCode, not both");
                    }
                    errors.need("percent", p.percent());
                    errors.none("supplierCode", p.supplierCode(), "kitchenId", p.kitchenId(), "fromDay", p.fromDay(),
                            "days", p.days());
                }
                case RELEASE_CUT -> {
                    errors.need("districtCode", p.districtCode());
                    errors.need("percent", p.percent());
                    if (p.percent() != null && (p.percent() < 1 || p.percent() > 100)) {
                        errors.add("percent", "a release cut must be from 1 to 100 percent");
                    }
                    errors.none("supplierCode", p.supplierCode(), "kitchenId", p.kitchenId(), "blockCode",
                            p.blockCode(), "fromDay", p.fromDay(), "days", p.days());
                }
                case FLOOD -> {
                    errors.need("districtCode", p.districtCode());
                    errors.need("fromDay", p.fromDay());
                    errors.need("days", p.days());
                    errors.none("supplierCode", p.supplierCode(), "kitchenId", p.kitchenId(), "blockCode",
                            p.blockCode(), "percent", p.percent());
                }
            }
            return errors.valid;
        }

    }

    final class Errors {

        private final ConstraintValidatorContext context;

        private final PerturbationType type;

        boolean valid = true;

        Errors(ConstraintValidatorContext context, PerturbationType type) {
            this.context = context;
            this.type = type;
        }

        void need(String field, Object value) {
            if (value == null) {
                add(field, "must be given for " + type);
            }
        }

        /** Pairs of field name and value, each of which must be absent. */
        void none(Object... fieldsAndValues) {
            for (int k = 0; k < fieldsAndValues.length; k += 2) {
                if (fieldsAndValues[k + 1] != null) {
                    add((String) fieldsAndValues[k], "does not apply to " + type);
                }
            }
        }

        void add(String field, String message) {
            valid = false;
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
        }

    }

}
