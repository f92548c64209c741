package in.mdm.optimization;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OptimizationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OptimizationServiceApplication.class, args);
    }

}
