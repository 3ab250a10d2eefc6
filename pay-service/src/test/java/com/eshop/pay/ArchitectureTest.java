package com.eshop.pay;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.eshop.pay", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("com.eshop.pay.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.dubbo..",
                    "org.apache.rocketmq..", "org.apache.ibatis..", "org.mybatis..", "com.baomidou..", "io.seata..");

    @ArchTest
    static final ArchRule apiOnlyCallsApplication = classes().that().resideInAPackage("com.eshop.pay.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("com.eshop.pay.api..",
                    "com.eshop.pay.application..", "com.eshop.common.api..", "com.eshop.support.error..",
                    "org.apache.dubbo.config.annotation..", "java..");


    @ArchTest
    static final ArchRule applicationDoesNotReachIntoAdapters = noClasses().that()
            .resideInAPackage("com.eshop.pay.application..")
            .should().dependOnClassesThat().resideInAnyPackage("com.eshop.pay.infrastructure..",
                    "com.eshop.pay.api..");
}
