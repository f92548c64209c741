package in.mdm.auth.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import in.mdm.auth.role.Role;
import in.mdm.events.Jurisdiction.Level;

/** The request bodies of account endpoints. */
final class AccountRequests {

    private AccountRequests() {
    }

    record RegisterRequest(@NotBlank @Pattern(regexp = "[a-z][a-z0-9._-]{2,63}",
            message = "3-64 lower-case letters, digits, '.', '_' or '-', starting with a letter") String username,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+91[6-9][0-9]{9}",
                    message = "must be an Indian mobile number like +919876543210") String phone,
            @NotBlank @Size(max = 120) String displayName, @NotNull Role role, @NotNull Level jurisdictionLevel,
            @NotBlank @Pattern(regexp = "[0-9]{1,11}",
                    message = "must be an LGD or UDISE code") String jurisdictionCode,
            @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD district code") String districtCode,
            @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD block code") String blockCode,
            @Pattern(regexp = "en|ta", message = "must be en or ta") String preferredLanguage) {
    }

    record ActivateRequest(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 128) String password) {
    }

    record ResetRequest(@Size(max = 64) String username, @Size(max = 254) String email) {
    }

    record ResetConfirmRequest(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 128) String newPassword) {
    }

    record ChangePasswordRequest(@NotBlank @Size(max = 128) String currentPassword,
            @NotBlank @Size(max = 128) String newPassword) {
    }

    record ChangeRoleRequest(@NotNull Role role, @NotNull Level jurisdictionLevel,
            @NotBlank @Pattern(regexp = "[0-9]{1,11}",
                    message = "must be an LGD or UDISE code") String jurisdictionCode,
            @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD district code") String districtCode,
            @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD block code") String blockCode) {
    }

    record MfaConfirmRequest(@NotBlank @Size(max = 12) String code) {
    }

    record MfaDisableRequest(@NotBlank @Size(max = 128) String password, @NotBlank @Size(max = 12) String otp) {
    }

}
