package com.eshop.support.architecture;

import com.eshop.support.mq.TransactionCheckBack;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering rules every service follows, written once. A service {@code com.eshop.<svc>} checks them with
 * <pre>
 * &#64;AnalyzeClasses(packages = "com.eshop.&lt;svc&gt;", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     &#64;ArchTest
 *     static final ArchTests rules = ArchTests.in(ServiceArchitectureRules.class);
 * }
 * </pre>
 * The layers are the packages right under the service's root: {@code domain}, {@code application},
 * {@code infrastructure} and the entry points {@code api} (Dubbo implementations), {@code mq} (RocketMQ listeners),
 * {@code job} (XXL-JOB handlers) and {@code web} (HTTP controllers of operator pages). A layer is matched as {@code com.eshop.*.<layer>..} minus the shared modules,
 * so {@code com.eshop.common.api..}, {@code com.eshop.support.mq..} or {@code com.xxl.job..} never count as a
 * service's {@code api}, {@code mq} or {@code job}.
 * <p>
 * Entry-point rules allow an empty subject: not every service has an {@code mq}, {@code job} or {@code web} package.
 */
public final class ServiceArchitectureRules {

    private static final String[] SHARED_MODULES = {"com.eshop.common..", "com.eshop.support.."};

    /**
     * Lombok's own package: the {@code @lombok.Generated} it puts on the constructors and loggers it writes stays in
     * the class files (class retention), though Lombok itself is compile-only. Not a dependency of any layer.
     */
    private static final String LOMBOK = "lombok";

    private static final String SPRING_SERVICE = "org.springframework.stereotype.Service";
    private static final String QUERY_SERVICE_SUFFIX = "QueryService";

    static final DescribedPredicate<JavaClass> DOMAIN = layer("domain");
    static final DescribedPredicate<JavaClass> APPLICATION = layer("application");
    static final DescribedPredicate<JavaClass> INFRASTRUCTURE = layer("infrastructure");
    static final DescribedPredicate<JavaClass> API = layer("api");
    static final DescribedPredicate<JavaClass> MQ = layer("mq");
    static final DescribedPredicate<JavaClass> JOB = layer("job");
    static final DescribedPredicate<JavaClass> WEB = layer("web");
    private static final DescribedPredicate<JavaClass> ENTRY_POINTS = anyOf(API, MQ, JOB, WEB);

    @ArchTest
    public static final ArchRule domainIsPlainJava = noClasses().that(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.dubbo..",
                    "org.apache.rocketmq..", "org.apache.ibatis..", "org.mybatis..", "com.baomidou..", "org.apache.seata..",
                    "org.redisson..");

    @ArchTest
    public static final ArchRule domainDependsOnNoOtherLayer = noClasses().that(DOMAIN)
            .should().dependOnClassesThat(anyOf(APPLICATION, INFRASTRUCTURE, API, MQ, JOB, WEB));

    /** Dubbo implementations are thin: they map the common-api request onto an application service and back. */
    @ArchTest
    public static final ArchRule apiOnlyCallsApplication = classes().that(API)
            .should().onlyDependOnClassesThat(anyOf(API, APPLICATION,
                    resideInAnyPackage("com.eshop.common.api..", "com.eshop.support.error..",
                            "org.apache.dubbo.config.annotation..", "java..", LOMBOK))
                    .as("the service's api or application layer, common-api, support.error,"
                            + " Dubbo's annotations, java.. or Lombok's markers"));

    /** RocketMQ listeners are thin: they decode the message and hand it to an application service. */
    @ArchTest
    public static final ArchRule mqOnlyCallsApplication = classes().that(MQ)
            .should().onlyDependOnClassesThat(anyOf(MQ, APPLICATION,
                    resideInAnyPackage("com.eshop.common.api..", "com.eshop.support.mq..", "com.eshop.support.json..",
                            "org.apache.rocketmq..", "org.springframework.stereotype..", "java..", LOMBOK))
                    .as("the service's mq or application layer, common-api, support.mq, support.json, RocketMQ,"
                            + " Spring's stereotypes, java.. or Lombok's markers"))
            .allowEmptyShould(true);

    /** XXL-JOB handlers are thin: they trigger an application service. */
    @ArchTest
    public static final ArchRule jobOnlyCallsApplication = classes().that(JOB)
            .should().onlyDependOnClassesThat(anyOf(JOB, APPLICATION,
                    resideInAnyPackage("com.xxl.job.core..", "org.springframework.stereotype..", "java..", LOMBOK))
                    .as("the service's job or application layer, XXL-JOB, Spring's stereotypes, java.."
                            + " or Lombok's markers"))
            .allowEmptyShould(true);

    /** HTTP controllers (operator pages) are thin: they map a request onto an application service and back. */
    @ArchTest
    public static final ArchRule webOnlyCallsApplication = classes().that(WEB)
            .should().onlyDependOnClassesThat(anyOf(WEB, APPLICATION,
                    resideInAnyPackage("com.eshop.common.api..", "com.eshop.support.error..", "org.springframework.web.bind.annotation..",
                            "org.springframework.http..", "java..", LOMBOK))
                    .as("the service's web or application layer, common-api, support.error, Spring MVC's annotations"
                            + " and HTTP types, java.. or Lombok's markers"))
            .allowEmptyShould(true);

    /**
     * One use case per class: the service's entry points (api, mq, job, web) enter an application {@code @Service}
     * through one of its public methods. Besides it, a use case may answer the {@link TransactionCheckBack} of the
     * message it sends ("did my local transaction commit?") and offer steps that other application classes re-run
     * (a scan, a reconciler). The one named exception: a {@code ...QueryService} holds reads and may answer several.
     */
    @ArchTest
    public static final ArchRule applicationServicesAreEnteredThroughOneUseCase = classes().that(APPLICATION)
            .and().areAnnotatedWith(SPRING_SERVICE).and().haveSimpleNameNotEndingWith(QUERY_SERVICE_SUFFIX)
            .should(beEnteredThroughOnePublicMethod());

    @ArchTest
    public static final ArchRule applicationDoesNotReachIntoAdaptersOrEntryPoints = noClasses().that(APPLICATION)
            .should().dependOnClassesThat(anyOf(INFRASTRUCTURE, API, MQ, JOB, WEB));

    @ArchTest
    public static final ArchRule infrastructureDoesNotReachIntoEntryPoints = noClasses().that(INFRASTRUCTURE)
            .should().dependOnClassesThat(anyOf(API, MQ, JOB, WEB));

    private ServiceArchitectureRules() {
    }

    private static ArchCondition<JavaClass> beEnteredThroughOnePublicMethod() {
        return new ArchCondition<>("be entered from the api, mq, job or web layer through at most one public method"
                + " (not counting what a TransactionCheckBack asks)") {
            @Override
            public void check(JavaClass service, ConditionEvents events) {
                List<String> entries = service.getMethods().stream()
                        .filter(method -> method.getModifiers().contains(JavaModifier.PUBLIC))
                        .filter(ServiceArchitectureRules::isEnteredFromAnEntryPoint)
                        .map(JavaMethod::getName).distinct().sorted().toList();
                events.add(new SimpleConditionEvent(service, entries.size() <= 1, service.getName()
                        + " is entered through " + entries.size() + " public methods " + entries));
            }
        };
    }

    private static boolean isEnteredFromAnEntryPoint(JavaMethod method) {
        return method.getAccessesToSelf().stream().map(access -> access.getOriginOwner())
                .anyMatch(caller -> ENTRY_POINTS.test(caller) && !caller.isAssignableTo(TransactionCheckBack.class));
    }

    private static DescribedPredicate<JavaClass> layer(String name) {
        return resideInAPackage("com.eshop.*." + name + "..").and(not(resideInAnyPackage(SHARED_MODULES)))
                .as("the service's " + name + " layer");
    }

    @SafeVarargs
    private static DescribedPredicate<JavaClass> anyOf(DescribedPredicate<? super JavaClass>... predicates) {
        return DescribedPredicate.or(predicates);
    }
}
