package in.mdm.school.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import in.mdm.school.masterdata.NameKey;
import in.mdm.school.masterdata.PlaceNames;

/**
 * Districts and blocks in memory for one import (about 800 and 7,500 for all of India):
 * matched by LGD code, or by name key (a district within the state of the UDISE code, a
 * block within its district): the name as written, then the LGD name's aliases, then the
 * name without a suffix or bracketed part ({@link PlaceNames}). A name that matches none
 * gets the closest name of the state or district as a suggestion. Blocks the file names
 * that do not exist are made here when the import may create them, and written by
 * {@link SchoolImportRepository#createBlocks}.
 */
final class Places {

    record NewBlock(String districtCode, String code, String name) {
    }

    /** Suggestions remembered per import: a file repeats the names it gets wrong. */
    private static final int MAX_SUGGESTIONS = 10_000;

    private final Set<String> districts = new HashSet<>();

    private final Map<String, String> districtsByName = new HashMap<>();

    private final Map<String, List<PlaceNames.Known>> districtNames = new HashMap<>();

    private final Set<String> blocks = new HashSet<>();

    private final Map<String, String> blocksByName = new HashMap<>();

    private final Map<String, List<PlaceNames.Known>> blockNames = new HashMap<>();

    private final Map<String, Optional<String>> suggestions = new HashMap<>();

    private final List<NewBlock> newBlocks = new ArrayList<>();

    private final SchoolImportRepository repository;

    private Places(SchoolImportRepository repository) {
        this.repository = repository;
    }

    static Places load(SchoolImportRepository repository) {
        return of(repository, repository.districts(), repository.districtAliases(), repository.blocks());
    }

    /**
     * Built from the lists: the LGD names first, then the aliases, then the LGD names
     * without suffixes or brackets; a key the state has already keeps its district.
     */
    static Places of(SchoolImportRepository repository, List<SchoolImportRepository.District> districtList,
            List<SchoolImportRepository.Alias> aliases, List<SchoolImportRepository.Block> blockList) {
        Places places = new Places(repository);
        for (SchoolImportRepository.District d : districtList) {
            places.districts.add(d.code());
            places.districtsByName.putIfAbsent(d.stateCode() + "|" + NameKey.of(d.name()), d.code());
            places.districtNames.computeIfAbsent(d.stateCode(), s -> new ArrayList<>())
                .add(PlaceNames.Known.district(d.name()));
        }
        for (SchoolImportRepository.Alias a : aliases) {
            places.districtsByName.putIfAbsent(a.stateCode() + "|" + a.aliasKey(), a.districtCode());
        }
        for (SchoolImportRepository.District d : districtList) {
            for (String key : PlaceNames.districtKeys(d.name())) {
                places.districtsByName.putIfAbsent(d.stateCode() + "|" + key, d.code());
            }
        }
        for (SchoolImportRepository.Block b : blockList) {
            places.blocks.add(b.districtCode() + "|" + b.code());
            places.blocksByName.putIfAbsent(b.districtCode() + "|" + NameKey.of(b.name()), b.code());
            places.blockNames.computeIfAbsent(b.districtCode(), s -> new ArrayList<>())
                .add(PlaceNames.Known.block(b.name()));
        }
        for (SchoolImportRepository.Block b : blockList) {
            for (String key : PlaceNames.blockKeys(b.name())) {
                places.blocksByName.putIfAbsent(b.districtCode() + "|" + key, b.code());
            }
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
        for (String key : PlaceNames.districtKeys(name)) {
            String found = districtsByName.get(stateCode + "|" + key);
            if (found != null) {
                return found;
            }
        }
        return null;
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
        for (String key : PlaceNames.blockKeys(name)) {
            String found = blocksByName.get(districtCode + "|" + key);
            if (found != null) {
                return found;
            }
        }
        if (!create) {
            return null;
        }
        String made = String.valueOf(repository.nextBlockCode());
        blocks.add(districtCode + "|" + made);
        blocksByName.put(districtCode + "|" + NameKey.of(name), made);
        newBlocks.add(new NewBlock(districtCode, made, SchoolImporter.cut(name, 100)));
        return made;
    }

    /**
     * The LGD name of the state's district closest to {@code name}, or {@code null} when
     * none is close.
     */
    String closestDistrict(String stateCode, String name) {
        return suggest("D|" + stateCode + "|" + name, name, PlaceNames.districtKeys(name),
                districtNames.getOrDefault(stateCode, List.of()));
    }

    /**
     * The name of the district's block closest to {@code name}, or {@code null} when none
     * is close.
     */
    String closestBlock(String districtCode, String name) {
        return suggest("B|" + districtCode + "|" + name, name, PlaceNames.blockKeys(name),
                blockNames.getOrDefault(districtCode, List.of()));
    }

    private String suggest(String cacheKey, String name, List<String> keys, List<PlaceNames.Known> known) {
        Optional<String> cached = suggestions.get(cacheKey);
        if (cached != null) {
            return cached.orElse(null);
        }
        String closest = PlaceNames.closest(name, keys, known);
        if (suggestions.size() < MAX_SUGGESTIONS) {
            suggestions.put(cacheKey, Optional.ofNullable(closest));
        }
        return closest;
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
