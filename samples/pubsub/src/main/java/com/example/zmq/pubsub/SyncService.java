package com.example.zmq.pubsub;

import java.util.concurrent.CountDownLatch;

import io.github.zmqspring.annotation.ZmqReplier;

import org.springframework.stereotype.Component;

/**
 * The publisher's side of the slow-joiner sync: each subscriber sends one empty request
 * on "news-sync" once it has subscribed; the publisher starts once all expected
 * subscribers have checked in.
 */
@Component
class SyncService {

	static final int EXPECTED_SUBSCRIBERS = 1;

	final CountDownLatch checkedIn = new CountDownLatch(EXPECTED_SUBSCRIBERS);

	@ZmqReplier("news-sync")
	byte[] checkIn(byte[] request) {
		this.checkedIn.countDown();
		System.out.println("[publisher] a subscriber checked in; waiting for " + this.checkedIn.getCount() + " more");
		return new byte[0];
	}

}
