package io.signet.audit.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** Every six hours (db-scheduler picks one instance) the events older than {@code signet.audit.retention} go. */
@Configuration(proxyBeanMethods = false)
class AuditRetention {

    @Bean
    RecurringTask<Void> auditRetentionPurge(AuditLog log, Clock clock) {
        return Tasks.recurring("signet-audit-retention", FixedDelay.of(Duration.ofHours(6)))
                .execute((instance, context) -> log.purge(clock.instant()));
    }
}
