package io.signet.database;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Lets the PostgreSQL driver send a JDBC batch of inserts as multi-row inserts ({@code reWriteBatchedInserts}):
 * the sync inserts employees, mirror rows and change records by the thousand, and one statement per row
 * costs several times more server time. Other databases are left as configured.
 */
@Component
class PostgresBatchRewrite implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !hikari.getDataSourceProperties().containsKey("reWriteBatchedInserts")
                && !hikari.getJdbcUrl().contains("reWriteBatchedInserts")) {
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
