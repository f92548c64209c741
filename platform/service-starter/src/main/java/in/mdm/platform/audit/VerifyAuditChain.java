package in.mdm.platform.audit;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Verifies a service's audit chain straight from its database, without the service
 * running (an auditor's check, or one after a restore):
 *
 * <pre>
 * java -cp school-service/target/school-service.jar \
 *   -Dloader.main=in.mdm.platform.audit.VerifyAuditChain \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --jdbc-url jdbc:postgresql://localhost:5432/mdm --schema school --user mdm
 * </pre>
 *
 * The password comes from {@code --password} or the environment's {@code PGPASSWORD}.
 * Exits 0 when the chain verifies, 1 when it does not (printing the first broken
 * sequence), 2 when the arguments are wrong or the database cannot be read.
 */
public final class VerifyAuditChain {

    private VerifyAuditChain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = options(args);
        }
        catch (IllegalArgumentException ex) {
            err.println(ex.getMessage());
            err.println("usage: VerifyAuditChain --jdbc-url <url> --schema <schema> [--user <user>]"
                    + " [--password <password>] [--batch <rows>]");
            return 2;
        }
        try {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(options.get("jdbc-url"));
            Properties connection = new Properties();
            connection.setProperty("user", options.getOrDefault("user", "postgres"));
            String password = options.getOrDefault("password", System.getenv("PGPASSWORD"));
            if (password != null) {
                connection.setProperty("password", password);
            }
            connection.setProperty("currentSchema", options.get("schema"));
            dataSource.setConnectionProperties(connection);
            AuditChain chain = new AuditChain(new AuditTrailRepository(JdbcClient.create(dataSource)),
                    new DataSourceTransactionManager(dataSource),
                    Integer.parseInt(options.getOrDefault("batch", String.valueOf(AuditChain.BATCH))));
            AuditVerification result = chain.verify();
            if (result.intact()) {
                out.printf("audit chain of %s intact: %d rows checked, sequences %d to %d (anchor %d)%n",
                        options.get("schema"), result.checked(), result.anchorSeq() + 1, result.lastSeq(),
                        result.anchorSeq());
                return 0;
            }
            out.printf("audit chain of %s BROKEN at sequence %d: %s (%d rows verified before it)%n",
                    options.get("schema"), result.brokenAt(), result.reason(), result.checked());
            return 1;
        }
        catch (RuntimeException ex) {
            err.println("cannot verify the audit chain: " + ex.getMessage());
            return 2;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            else if (i + 1 < args.length) {
                value = args[++i];
            }
            else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            options.put(name, value);
        }
        for (String required : new String[] { "jdbc-url", "schema" }) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        return options;
    }

}
