package com.eshop.order;

import com.eshop.order.application.OrderProperties;
import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableDubbo(scanBasePackages = "com.eshop.order.api")
@MapperScan("com.eshop.order.infrastructure.persistence")
@EnableConfigurationProperties(OrderProperties.class)
public class OrderApplication {
    public static void main(String[] args) {
        SpringApplication.run(OrderApplication.class, args);
    }
}
