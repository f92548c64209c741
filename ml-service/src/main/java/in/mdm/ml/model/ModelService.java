package in.mdm.ml.model;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.platform.web.ApiException;

@Service
public class ModelService {

    private final ModelRepository models;

    ModelService(ModelRepository models) {
        this.models = models;
    }

    @Transactional(readOnly = true)
    Model get(String name, String version) {
        return models.find(name, version).orElseThrow(() -> ApiException.notFound("ml.model.not-found",
                "No model " + name + " version " + version + " in the registry"));
    }

    @Transactional(readOnly = true)
    List<Model> page(String name, ModelStatus status, int page, int size) {
        return models.page(name, status, page, size);
    }

    @Transactional(readOnly = true)
    long count(String name, ModelStatus status) {
        return models.count(name, status);
    }
}
