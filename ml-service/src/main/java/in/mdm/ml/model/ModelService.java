package in.mdm.ml.model;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.ml.MlProblems;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

@Service
public class ModelService {

    private final ModelRepository models;

    ModelService(ModelRepository models) {
        this.models = models;
    }

    @Transactional(readOnly = true)
    Model get(String name, String version) {
        return models.find(name, version)
            .orElseThrow(() -> ApiException.notFound(MlProblems.MODEL_NOT_FOUND,
                    "No model " + name + " version " + version + " in the registry"));
    }

    /** A page and the total, in one read-only transaction. */
    @Transactional(readOnly = true)
    PageResponse<Model> page(String name, ModelStatus status, int page, int size) {
        return models.page(name, status, page, size);
    }

}
