package in.mdm.school.masterdata;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A name to add to a district. */
public record AliasRequest(@NotBlank @Size(max = 100) String alias) {
}
