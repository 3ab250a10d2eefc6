package com.eshop.support.health;

import org.apache.dubbo.config.ServiceConfigBase;
import org.apache.dubbo.rpc.model.ApplicationModel;
import org.apache.dubbo.rpc.model.ModuleModel;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.List;

/**
 * DOWN until every Dubbo service of this JVM is exported and registered. Spring's web server (and so the
 * actuator) answers before Dubbo's deployer has registered the providers; a readiness probe that trusted it
 * would send callers to a registry that does not list this instance yet.
 */
public class DubboServicesHealthIndicator extends AbstractHealthIndicator {

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<ModuleModel> modules = ApplicationModel.defaultModel().getPubModuleModels();
        List<String> pending = modules.stream()
                .flatMap(module -> module.getConfigManager().getServices().stream())
                .filter(service -> !service.isExported())
                .map(ServiceConfigBase::getInterface)
                .toList();
        boolean deployed = modules.stream().allMatch(module -> module.getDeployer() != null && module.getDeployer().isStarted());
        builder.status(deployed && pending.isEmpty() ? "UP" : "DOWN")
                .withDetail("modulesStarted", deployed)
                .withDetail("servicesNotExported", pending);
    }
}
