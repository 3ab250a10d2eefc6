package com.eshop.support.architecture;

import com.eshop.fixture.api.BundledDeliveryApi;
import com.eshop.fixture.api.DeliveryApi;
import com.eshop.fixture.application.BundledDeliveryService;
import com.eshop.fixture.application.CancelDeliveryService;
import com.eshop.fixture.application.DeliveryQueryService;
import com.eshop.fixture.mq.CancelDeliveryCheckBack;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one-use-case rule of {@link ServiceArchitectureRules} reports the old bundled shape: it is not vacuous. */
class ServiceArchitectureRulesCanFailTest {

    @Test
    void aServiceEnteredThroughTwoUseCasesIsReported() {
        JavaClasses bundled = new ClassFileImporter().importClasses(BundledDeliveryService.class, BundledDeliveryApi.class);

        assertThatThrownBy(() -> ServiceArchitectureRules.applicationServicesAreEnteredThroughOneUseCase.check(bundled))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(BundledDeliveryService.class.getName()
                        + " is entered through 2 public methods [cancelPickGoods, pickGoods]");
    }

    @Test
    void oneUseCaseWithItsCheckBackQueryAndAQueryServiceWithSeveralReadsPass() {
        JavaClasses split = new ClassFileImporter().importClasses(CancelDeliveryService.class, DeliveryQueryService.class,
                DeliveryApi.class, CancelDeliveryCheckBack.class);

        assertThatCode(() -> ServiceArchitectureRules.applicationServicesAreEnteredThroughOneUseCase.check(split))
                .doesNotThrowAnyException();
    }
}
