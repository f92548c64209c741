package in.mdm.school.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import in.mdm.school.masterdata.NameKey;

/**
 * Districts and blocks in memory for one import (about 800 and 7,500 for all of India):
 * matched by LGD code, or by name key (a district within the state of the UDISE code, a
 * block within its district). Blocks the file names that do not exist are made here when
 * the import may create them, and written by {@link SchoolImportRepository#createBlocks}.
 */
final class Places {

    record NewBlock(String districtCode, String code, String name) {
    }

    private final Set<String> districts = new HashSet<>();

    private final Map<String, String> districtsByName = new HashMap<>();

    private final Set<String> blocks = new HashSet<>();

    private final Map<String, String> blocksByName = new HashMap<>();

    private final List<NewBlock> newBlocks = new ArrayList<>();

    private final SchoolImportRepository repository;

    private Places(SchoolImportRepository repository) {
        this.repository = repository;
    }

    static Places load(SchoolImportRepository repository) {
        Places places = new Places(repository);
        for (SchoolImportRepository.District d : repository.districts()) {
            places.districts.add(d.code());
            places.districtsByName.putIfAbsent(d.stateCode() + "|" + d.nameKey(), d.code());
        }
        for (SchoolImportRepository.Block b : repository.blocks()) {
            places.blocks.add(b.districtCode() + "|" + b.code());
            places.blocksByName.putIfAbsent(b.districtCode() + "|" + b.nameKey(), b.code());
        }
        return places;
    }

    /**
     * @return the district's LGD code, or {@code null} if none matches
     */
    String district(String stateCode, String code, String name) {
        if (code != null) {
            return districts.contains(code) ? code : null;
        }
        return districtsByName.get(stateCode + "|" + NameKey.of(name));
    }

    /**
     * @return the block's LGD code within the district, or {@code null} if none matches
     * and none may be made
     */
    String block(String districtCode, String code, String name, boolean create) {
        if (code != null) {
            if (blocks.contains(districtCode + "|" + code)) {
                return code;
            }
            if (create) {
                blocks.add(districtCode + "|" + code);
                newBlocks.add(new NewBlock(districtCode, code,
                        name == null ? "Block " + code : SchoolImporter.cut(name, 100)));
                return code;
            }
            return null;
        }
        String key = NameKey.of(name);
        String found = blocksByName.get(districtCode + "|" + key);
        if (found != null || !create) {
            return found;
        }
        String made = String.valueOf(repository.nextBlockCode());
        blocks.add(districtCode + "|" + made);
        blocksByName.put(districtCode + "|" + key, made);
        newBlocks.add(new NewBlock(districtCode, made, SchoolImporter.cut(name, 100)));
        return made;
    }

    /**
     * The blocks made since the last call, for
     * {@link SchoolImportRepository#createBlocks}.
     */
    List<NewBlock> takeNewBlocks() {
        List<NewBlock> taken = List.copyOf(newBlocks);
        newBlocks.clear();
        return taken;
    }

}
