package in.mdm.finance;

import in.mdm.testkit.ApiSweepContract;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.OpenApiSweep;

/**
 * Every operation finance-service documents: 401 without a token (but the treasury's
 * callbacks, signed otherwise), 400 problems for parameters and bodies that are not what
 * it documents, never a 5xx.
 */
@MdmIntegrationTest
class ApiSweepIntegrationTests extends ApiSweepContract {

    @Override
    protected OpenApiSweep configure(OpenApiSweep sweep) {
        return sweep.open("/api/v1/financial/treasury/callbacks");
    }

}
