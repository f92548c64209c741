package in.mdm.optimization.scenario;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScenarioSettings.class)
class ScenarioConfiguration {

}
