package in.mdm.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.config.server.EnableConfigServer;

/**
 * Serves the configuration repository (config-repo/, packaged inside this jar) to every
 * MDM application: {@code application.yml} to all, {@code <application>.yml} to one,
 * profile documents for local, docker and k8s.
 */
@SpringBootApplication
@EnableConfigServer
public class ConfigServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConfigServerApplication.class, args);
    }

}
