package com.eshop.pay;

import com.eshop.pay.application.PayGatewayProperties;
import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The merchant's side of the payment gateway: pre-pay transactions, verified payment notifications, refunds. */
@SpringBootApplication
@EnableConfigurationProperties(PayGatewayProperties.class)
@EnableDubbo
@MapperScan("com.eshop.pay.infrastructure.mapper")
public class PayApplication {
    public static void main(String[] args) {
        SpringApplication.run(PayApplication.class, args);
    }
}
