package in.mdm.school.masterdata;

public record DistrictResponse(String code, String name, String stateCode, String stateName, int blocks) {
}
