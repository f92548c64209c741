package in.mdm.auth.role;

import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/roles")
class RoleController {

    @GetMapping
    List<RoleResponse> roles() {
        return Arrays.stream(Role.values()).map(RoleResponse::of).toList();
    }

}
