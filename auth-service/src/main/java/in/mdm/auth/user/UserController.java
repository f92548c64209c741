package in.mdm.auth.user;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.auth.role.Role;
import in.mdm.events.Jurisdiction.Level;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/auth/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping("/{id}")
    UserResponse get(@PathVariable UUID id) {
        return UserResponse.of(users.get(id));
    }

    @GetMapping
    PageResponse<UserResponse> list(
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) UserStatus status,
            @RequestParam(required = false) Level jurisdictionLevel,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,11}", message = "must be an LGD or UDISE code") String jurisdictionCode,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        UserFilter filter = new UserFilter(role, status, jurisdictionLevel, jurisdictionCode);
        return users.page(filter, page, size).map(UserResponse::of);
    }
}
