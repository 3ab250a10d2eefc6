package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;


@Mapper
public interface ProductSkuMapper extends BaseMapper<ProductSkuDO> {

}
