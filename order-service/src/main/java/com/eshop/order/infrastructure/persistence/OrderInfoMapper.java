package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.util.Date;
import java.util.List;

@Mapper
public interface OrderInfoMapper extends BaseMapper<OrderInfoDO> {

    /** A state transition: 0 rows means the order was no longer in {@code from} (a lost race). */
    @Update("UPDATE order_info SET order_status = #{to} WHERE order_id = #{orderId} AND order_status = #{from}")
    int transitStatus(@Param("orderId") String orderId, @Param("from") int from, @Param("to") int to);

    @Update("UPDATE order_info SET order_status = #{canceled}, cancel_type = #{cancelType}, cancel_time = NOW(3) "
            + "WHERE order_id = #{orderId} AND order_status = #{from}")
    int transitToCanceled(@Param("orderId") String orderId, @Param("from") int from, @Param("canceled") int canceled,
                          @Param("cancelType") int cancelType);

    @Update("UPDATE order_info SET order_status = #{paid}, pay_type = #{payType} WHERE order_id = #{orderId} AND order_status = #{created}")
    int transitToPaid(@Param("orderId") String orderId, @Param("created") int created, @Param("paid") int paid,
                      @Param("payType") int payType);

    /** Reads through Seata's global lock: waits for (or fails on) an unfinished global transaction on this row. */
    @Select("SELECT * FROM order_info WHERE order_id = #{orderId} FOR UPDATE")
    OrderInfoDO selectForUpdate(@Param("orderId") String orderId);

    /**
     * One keyset page of expired unpaid orders of this shard, through idx_status_expire. Only the expired range
     * of the index is read, however many unpaid orders are not yet due.
     */
    @Select("SELECT order_id, expire_time FROM order_info WHERE order_status = #{created} AND expire_time <= #{now} "
            + "AND (expire_time > #{afterExpire} OR (expire_time = #{afterExpire} AND order_id > #{afterOrderId})) "
            + "AND MOD(CRC32(order_id), #{shardTotal}) = #{shardIndex} "
            + "ORDER BY expire_time, order_id LIMIT #{pageSize}")
    List<OrderInfoDO> selectExpiredUnpaidPage(@Param("created") int created, @Param("now") Date now, @Param("afterExpire") Date afterExpire,
                                              @Param("afterOrderId") String afterOrderId, @Param("shardIndex") int shardIndex,
                                              @Param("shardTotal") int shardTotal, @Param("pageSize") int pageSize);
}
