package in.mdm.gateway.docs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The event catalog as an AsyncAPI document, served beside the OpenAPI documents of
 * {@code /api/docs}: {@code GET /api/docs/asyncapi.yaml}, open like the rest of the API
 * docs (edge security's always-open paths). The document is kept in step with the catalog
 * by tools/deploy-tests.
 */
@Configuration(proxyBeanMethods = false)
class EventDocsConfiguration {

    static final String PATH = "/api/docs/asyncapi.yaml";

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Bean
    RouterFunction<ServerResponse> asyncApiDocument() {
        Resource document = new ClassPathResource("asyncapi/asyncapi.yaml");
        return RouterFunctions.route(RequestPredicates.GET(PATH),
                (request) -> ServerResponse.ok().contentType(YAML).bodyValue(document));
    }

}
