package in.mdm.school.importer;

/**
 * What an import did: every data row read is inserted, updated, unchanged or rejected;
 * and where its time went (COPY of the checked rows, the school upserts with their
 * events, the enrollment upserts with theirs; the rest is reading and checking the file).
 */
public record ImportCounts(int rowsRead, int inserted, int updated, int unchanged, int rejected, int enrollmentsChanged,
        int eventsPublished, long copyMillis, long schoolUpsertMillis, long enrollmentUpsertMillis) {
}
