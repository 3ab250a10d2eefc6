package com.eshop.pay;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Stands in for the third-party payment gateway: pre-pay transactions and refunds. */
@SpringBootApplication
@EnableDubbo
@MapperScan("com.eshop.pay.infrastructure.mapper")
public class PayApplication {
    public static void main(String[] args) {
        SpringApplication.run(PayApplication.class, args);
    }
}
