package in.mdm.ml;

import in.mdm.testkit.ApiSweepContract;
import in.mdm.testkit.MdmIntegrationTest;

/**
 * Every operation ml-service documents: 401 without a token, 400 problems for parameters
 * and bodies that are not what it documents, never a 5xx.
 */
@MdmIntegrationTest
class ApiSweepIntegrationTests extends ApiSweepContract {

}
