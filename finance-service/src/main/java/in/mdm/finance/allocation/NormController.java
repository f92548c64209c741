package in.mdm.finance.allocation;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;

/** The cost norms: every revision, newest first; ADMIN adds a revision from a date. */
@RestController
@RequestMapping("/api/v1/financial/norms")
class NormController {

    private final AllocationService allocations;

    NormController(AllocationService allocations) {
        this.allocations = allocations;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    List<NormResponse> list() {
        return allocations.norms().stream().map(NormResponse::of).toList();
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    List<NormResponse> revise(@Valid @RequestBody NormRevisionRequest request, Caller caller) {
        return allocations.revise(request, caller).stream().map(NormResponse::of).toList();
    }

}
