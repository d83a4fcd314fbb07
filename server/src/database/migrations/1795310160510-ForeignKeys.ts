import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every reference between rows becomes a foreign key (RESTRICT): the database refuses orphans. */

export class ForeignKeys1795310160510 implements MigrationInterface {
  name = 'ForeignKeys1795310160510';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "streets" ADD CONSTRAINT "FK_f50a71adc716419ff280d841f8f" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "admission_entries" ADD CONSTRAINT "FK_85d8809cbaa8549b90d14294dd4" FOREIGN KEY ("street_id") REFERENCES "streets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "communities" ADD CONSTRAINT "FK_db7f137ec3a26d7af275c35f538" FOREIGN KEY ("street_id") REFERENCES "streets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grids" ADD CONSTRAINT "FK_b5005028d49f9775ee137c2dfcd" FOREIGN KEY ("street_id") REFERENCES "streets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grids" ADD CONSTRAINT "FK_5fc1b1b3729ef88669ecbb4ecfe" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_efc03fc2a5902ef17fb8a2bdcc2" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_3d99e73ff4af9629fc07f487db9" FOREIGN KEY ("street_id") REFERENCES "streets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_0921d1972cf861d568f5271cd85" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_161ca00110351b6f84f28a3875a" FOREIGN KEY ("grid_id") REFERENCES "grids"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_816ab0310179565efabd960126d" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_c30a28c1e60c044439d7a8d8096" FOREIGN KEY ("street_id") REFERENCES "streets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_b6b40198c4f844de672bc96109f" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_3f25378f332890bea45df59b5e1" FOREIGN KEY ("reported_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_094ac090438737531667fa33b75" FOREIGN KEY ("merged_into_id") REFERENCES "incidents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whistles" ADD CONSTRAINT "FK_345b582c538157f1619d0fa88c9" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whistles" ADD CONSTRAINT "FK_8cf03e3fcb632c66820b2c99f79" FOREIGN KEY ("street_id") REFERENCES "streets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whistles" ADD CONSTRAINT "FK_aa39df7d4cab1ad21f28e037452" FOREIGN KEY ("blown_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dispatches" ADD CONSTRAINT "FK_88383ea6a8caa82a6e9805ac189" FOREIGN KEY ("whistle_id") REFERENCES "whistles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dispatches" ADD CONSTRAINT "FK_b9b70e0b5c4566d9c038e604a7c" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dispatches" ADD CONSTRAINT "FK_ead449812fc3530ce8b4de29645" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dispatches" ADD CONSTRAINT "FK_a797dd0d9456422cd658ce287b3" FOREIGN KEY ("leader_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dispatches" ADD CONSTRAINT "FK_80efc2d64172b00b6a74c223ed7" FOREIGN KEY ("street_id") REFERENCES "streets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dispatches" ADD CONSTRAINT "FK_c49dd41b908f558d036facc22fc" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ratings" ADD CONSTRAINT "FK_c4dc3b7b1075bae360d84cf542a" FOREIGN KEY ("dispatch_id") REFERENCES "dispatches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ratings" ADD CONSTRAINT "FK_a2e7f9e08295fd4993437145f42" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ratings" ADD CONSTRAINT "FK_be50fbcbea337c9b86ec5b30008" FOREIGN KEY ("street_id") REFERENCES "streets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ratings" ADD CONSTRAINT "FK_19d7d583238e640c5e0c9b7493d" FOREIGN KEY ("rated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outbox" ADD CONSTRAINT "FK_cc0c9e40998e45ecfc5e313429d" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_workers" ADD CONSTRAINT "FK_fe854713e7ea8db658a60e93708" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_workers" ADD CONSTRAINT "FK_b80304bf535a1080772b0cb9e16" FOREIGN KEY ("grid_id") REFERENCES "grids"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "street_leaders" ADD CONSTRAINT "FK_2597537072fb5b64be8fb12ef0d" FOREIGN KEY ("street_id") REFERENCES "streets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "street_leaders" ADD CONSTRAINT "FK_b11d6946d4bfdc68adea4130b6d" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "street_leaders" DROP CONSTRAINT "FK_b11d6946d4bfdc68adea4130b6d"`);
    await queryRunner.query(`ALTER TABLE "street_leaders" DROP CONSTRAINT "FK_2597537072fb5b64be8fb12ef0d"`);
    await queryRunner.query(`ALTER TABLE "grid_workers" DROP CONSTRAINT "FK_b80304bf535a1080772b0cb9e16"`);
    await queryRunner.query(`ALTER TABLE "grid_workers" DROP CONSTRAINT "FK_fe854713e7ea8db658a60e93708"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP CONSTRAINT "FK_cc0c9e40998e45ecfc5e313429d"`);
    await queryRunner.query(`ALTER TABLE "ratings" DROP CONSTRAINT "FK_19d7d583238e640c5e0c9b7493d"`);
    await queryRunner.query(`ALTER TABLE "ratings" DROP CONSTRAINT "FK_be50fbcbea337c9b86ec5b30008"`);
    await queryRunner.query(`ALTER TABLE "ratings" DROP CONSTRAINT "FK_a2e7f9e08295fd4993437145f42"`);
    await queryRunner.query(`ALTER TABLE "ratings" DROP CONSTRAINT "FK_c4dc3b7b1075bae360d84cf542a"`);
    await queryRunner.query(`ALTER TABLE "dispatches" DROP CONSTRAINT "FK_c49dd41b908f558d036facc22fc"`);
    await queryRunner.query(`ALTER TABLE "dispatches" DROP CONSTRAINT "FK_80efc2d64172b00b6a74c223ed7"`);
    await queryRunner.query(`ALTER TABLE "dispatches" DROP CONSTRAINT "FK_a797dd0d9456422cd658ce287b3"`);
    await queryRunner.query(`ALTER TABLE "dispatches" DROP CONSTRAINT "FK_ead449812fc3530ce8b4de29645"`);
    await queryRunner.query(`ALTER TABLE "dispatches" DROP CONSTRAINT "FK_b9b70e0b5c4566d9c038e604a7c"`);
    await queryRunner.query(`ALTER TABLE "dispatches" DROP CONSTRAINT "FK_88383ea6a8caa82a6e9805ac189"`);
    await queryRunner.query(`ALTER TABLE "whistles" DROP CONSTRAINT "FK_aa39df7d4cab1ad21f28e037452"`);
    await queryRunner.query(`ALTER TABLE "whistles" DROP CONSTRAINT "FK_8cf03e3fcb632c66820b2c99f79"`);
    await queryRunner.query(`ALTER TABLE "whistles" DROP CONSTRAINT "FK_345b582c538157f1619d0fa88c9"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_094ac090438737531667fa33b75"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_3f25378f332890bea45df59b5e1"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_b6b40198c4f844de672bc96109f"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_c30a28c1e60c044439d7a8d8096"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_816ab0310179565efabd960126d"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_161ca00110351b6f84f28a3875a"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_0921d1972cf861d568f5271cd85"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_3d99e73ff4af9629fc07f487db9"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_efc03fc2a5902ef17fb8a2bdcc2"`);
    await queryRunner.query(`ALTER TABLE "grids" DROP CONSTRAINT "FK_5fc1b1b3729ef88669ecbb4ecfe"`);
    await queryRunner.query(`ALTER TABLE "grids" DROP CONSTRAINT "FK_b5005028d49f9775ee137c2dfcd"`);
    await queryRunner.query(`ALTER TABLE "communities" DROP CONSTRAINT "FK_db7f137ec3a26d7af275c35f538"`);
    await queryRunner.query(
      `ALTER TABLE "admission_entries" DROP CONSTRAINT "FK_85d8809cbaa8549b90d14294dd4"`,
    );
    await queryRunner.query(`ALTER TABLE "streets" DROP CONSTRAINT "FK_f50a71adc716419ff280d841f8f"`);
  }
}
