package com.eshop.inventory;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Product stock: sale stock, locked stock and sold stock per SKU. */
@SpringBootApplication
@EnableDubbo
@MapperScan("com.eshop.inventory.infrastructure.mapper")
public class InventoryApplication {
    public static void main(String[] args) {
        SpringApplication.run(InventoryApplication.class, args);
    }
}
